//! Rasterise the map SVG with resvg and the embedded DejaVu Sans, so the PNG
//! is the SVG, pixel for pixel, on any machine (no system fonts needed;
//! Arabic is shaped).

use crate::error::{Error, Result};
use std::sync::{Arc, OnceLock};

/// The embedded font (DejaVu Sans 2.37; see assets/fonts/README.md).
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn options() -> &'static resvg::usvg::Options<'static> {
    static O: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    O.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        resvg::usvg::Options {
            font_family: "DejaVu Sans".into(),
            fontdb: Arc::new(db),
            ..Default::default()
        }
    })
}

/// Render SVG text to PNG bytes at its own size.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>> {
    let tree = resvg::usvg::Tree::from_str(svg, options())
        .map_err(|e| Error::Usage(format!("internal error: the map SVG does not parse: {e}")))?;
    let size = tree.size().to_int_size();
    let max = super::frame::MAX_SIDE as u32;
    if size.width() > max || size.height() > max {
        return Err(Error::Usage(format!(
            "the map would be {} × {} px, more than {max} px on a side: lower --width or change --bbox",
            size.width(),
            size.height()
        )));
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::Usage("the map has zero size: check --width and --bbox".into()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    encode(&pixmap)
}

/// PNG bytes of a rendered pixmap: RGB when every pixel is opaque (a map
/// always is: it paints its background), RGBA otherwise; fast DEFLATE
/// (fdeflate), which encodes a 1600 px map several times faster than
/// tiny-skia's default level for a file about a fifth larger.
fn encode(pixmap: &resvg::tiny_skia::Pixmap) -> Result<Vec<u8>> {
    let px = pixmap.pixels();
    let opaque = px.iter().all(|p| p.alpha() == 255);
    let (color, data): (png::ColorType, Vec<u8>) = if opaque {
        (
            png::ColorType::Rgb,
            px.iter()
                .flat_map(|p| [p.red(), p.green(), p.blue()])
                .collect(),
        )
    } else {
        (
            png::ColorType::Rgba,
            px.iter()
                .flat_map(|p| {
                    let c = p.demultiply();
                    [c.red(), c.green(), c.blue(), c.alpha()]
                })
                .collect(),
        )
    };
    let fail = |e: png::EncodingError| Error::Usage(format!("PNG encoding failed: {e}"));
    let mut out = Vec::with_capacity(data.len() / 8);
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut w = enc.write_header().map_err(fail)?;
    w.write_image_data(&data).map_err(fail)?;
    w.finish().map_err(fail)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oversized_svg_is_refused_before_allocating() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="980000"/>"#;
        let e = svg_to_png(svg).unwrap_err().to_string();
        assert!(e.contains("980000"), "{e}");
    }

    /// An opaque map comes out as 8-bit RGB that decodes to the rendered
    /// pixels; a transparent one keeps its alpha.
    #[test]
    fn the_png_decodes_to_the_rendered_pixels() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2" fill="#fff"/><rect width="2" height="2" fill="#c00"/></svg>"##;
        let bytes = svg_to_png(svg).unwrap();
        let mut r = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!(
            (info.width, info.height, info.color_type),
            (4, 2, png::ColorType::Rgb)
        );
        assert_eq!(&buf[..3], &[0xcc, 0, 0]);
        assert_eq!(&buf[9..12], &[0xff, 0xff, 0xff]);
        let clear = r#"<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>"#;
        let bytes = svg_to_png(clear).unwrap();
        let r = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        assert_eq!(r.info().color_type, png::ColorType::Rgba);
    }
}
