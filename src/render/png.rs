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
    pixmap
        .encode_png()
        .map_err(|e| Error::Usage(format!("PNG encoding failed: {e}")))
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
}
