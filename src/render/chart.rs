//! The control-share chart: km of a road held per controller, day by day,
//! drawn with plotters (SVG, or PNG with the embedded font).

use super::FONT;
use crate::date::Date;
use crate::error::{Error, Result};
use plotters::prelude::*;
use std::sync::OnceLock;

/// One line of the chart.
#[derive(Debug, Clone)]
pub struct ChartSeries {
    /// Legend text.
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    /// km held on each day of the chart, in day order.
    pub km: Vec<f64>,
}

fn rgb(hex: &str) -> RGBColor {
    let (r, g, b) = super::hex_rgb(hex);
    RGBColor(r, g, b)
}

fn font() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        // The embedded font is valid; if plotters refused it, text would
        // fall back to nothing rather than fail the chart.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    days: &[Date],
    series: &[ChartSeries],
) -> std::result::Result<(), String> {
    let e = |x: DrawingAreaErrorKind<DB::ErrorType>| x.to_string();
    root.fill(&WHITE).map_err(e)?;
    let ymax = series
        .iter()
        .flat_map(|s| s.km.iter().copied())
        .fold(1.0f64, f64::max)
        * 1.08;
    let n = days.len().max(2) as i32;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(16)
        .margin_right(48)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(0..n - 1, 0.0..ymax)
        .map_err(e)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .x_label_formatter(&|i| {
            days.get(*i as usize)
                .map_or(String::new(), |d| d.to_string())
        })
        .y_desc("km")
        .draw()
        .map_err(e)?;
    for s in series {
        let c = rgb(&s.color);
        chart
            .draw_series(LineSeries::new(steps(&s.km), c.stroke_width(3)))
            .map_err(e)?
            .label(s.name.as_str())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(3)));
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(e)?;
    root.present().map_err(e)?;
    Ok(())
}

/// A day's value holds until the next day: a horizontal run per day and a
/// vertical step where control changes, never a diagonal ramp between days.
///
/// (Day i is drawn at x = i; the value of day i runs from i to i + 1.)
fn steps(km: &[f64]) -> Vec<(i32, f64)> {
    let mut out = Vec::with_capacity(2 * km.len());
    for (i, &k) in km.iter().enumerate() {
        out.push((i as i32, k));
        if i + 1 < km.len() {
            out.push((i as i32 + 1, k));
        }
    }
    out
}

/// Title and legend with the characters XML forbids replaced: plotters
/// escapes markup but passes control characters through.
fn xml_clean(title: &str, series: &[ChartSeries]) -> (String, Vec<ChartSeries>) {
    let series = series
        .iter()
        .map(|s| ChartSeries {
            name: super::xml_safe(&s.name),
            ..s.clone()
        })
        .collect();
    (super::xml_safe(title), series)
}

/// The chart as SVG text.
pub fn chart_svg(title: &str, days: &[Date], series: &[ChartSeries]) -> Result<String> {
    font();
    let (title, series) = xml_clean(title, series);
    let (title, series) = (title.as_str(), series.as_slice());
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (1000, 500)).into_drawing_area();
        draw(root, title, days, series).map_err(|m| Error::Usage(format!("chart: {m}")))?;
    }
    Ok(out)
}

/// The chart as PNG bytes.
pub fn chart_png(title: &str, days: &[Date], series: &[ChartSeries]) -> Result<Vec<u8>> {
    font();
    let (w, h) = (1000u32, 500u32);
    let mut buf = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw(root, title, days, series).map_err(|m| Error::Usage(format!("chart: {m}")))?;
    }
    let mut pm = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| Error::Usage("chart: zero size".into()))?;
    for (px, rgb) in pm.data_mut().chunks_exact_mut(4).zip(buf.chunks_exact(3)) {
        px.copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
    }
    pm.encode_png()
        .map_err(|e| Error::Usage(format!("chart: PNG encoding failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_a_vertical_step_not_a_ramp() {
        let p = steps(&[10.0, 10.0, 30.0]);
        assert_eq!(p, [(0, 10.0), (1, 10.0), (1, 10.0), (2, 10.0), (2, 30.0)]);
        // No segment goes up and across at once.
        for w in p.windows(2) {
            assert!(w[0].0 == w[1].0 || w[0].1 == w[1].1, "{w:?}");
        }
    }

    #[test]
    fn control_characters_and_non_characters_do_not_break_the_chart_svg() {
        let days = [
            Date::from_ymd(2020, 2, 8).unwrap(),
            Date::from_ymd(2020, 2, 9).unwrap(),
        ];
        let series = [ChartSeries {
            name: "gov\u{1}<!--<script>\u{fffe}".into(),
            color: "#c0392b".into(),
            km: vec![1.0, 2.0],
        }];
        let svg = chart_svg("M5\u{7}\u{1b} title", &days, &series).unwrap();
        assert!(
            !svg.chars()
                .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')),
            "control character in the chart SVG"
        );
        assert!(!svg.contains('\u{fffe}') && !svg.contains("<!--<script>"));
        // resvg parses it as XML.
        resvg::usvg::Tree::from_str(&svg, &Default::default()).unwrap();
    }
}
