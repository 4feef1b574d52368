//! The day-by-day viewer written next to a series: one self-contained HTML
//! file (no network) with a date slider, the date shown large, buttons and
//! arrow keys to step, play/pause, and a shareable `#YYYY-MM-DD` link.

use super::escape;
use serde::Serialize;

/// One day of the series, as the viewer shows it.
#[derive(Debug, Clone, Serialize)]
pub struct IndexDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The image to show (file name relative to the index), if any.
    pub image: Option<String>,
    /// One line of facts, e.g. "government 4303 km² · front 159 km".
    pub summary: String,
    /// The places that changed hands since the day before.
    pub changes: Vec<IndexChange>,
}

/// A place that changed hands, as the viewer lists it.
#[derive(Debug, Clone, Serialize)]
pub struct IndexChange {
    /// The place's label.
    pub place: String,
    /// The new holder's name.
    pub to: String,
    /// The new holder's colour.
    pub color: String,
    /// The source of the event (a link).
    pub source: String,
}

/// The viewer's HTML.
///
/// ```
/// use frontline::render::{index_html, IndexDay};
/// let d = IndexDay { date: "2020-02-08".into(), image: Some("2020-02-08.svg".into()), summary: "x".into(), changes: vec![] };
/// let html = index_html("</script><b>", "Places: GeoNames", &[d]);
/// assert!(html.contains("&lt;/script&gt;&lt;b&gt;"));
/// assert_eq!(html.matches("</script>").count(), 1); // only the real one
/// // A name from a news article cannot start an HTML comment or a script.
/// let d = IndexDay { date: "2020-02-08".into(), image: None, summary: "<!--<script>".into(), changes: vec![] };
/// let html = index_html("t", "Places: GeoNames", &[d]);
/// assert!(!html.contains("<!--") && html.matches("<script>").count() == 1);
/// assert!(html.contains(r#""summary":"\u003c!--\u003cscript\u003e""#));
/// ```
pub fn index_html(title: &str, attribution: &str, days: &[IndexDay]) -> String {
    // JSON inside <script>: `<`, `>` and `&` only occur inside JSON strings,
    // where their \u escapes mean the same; written that way, no `</script>`,
    // `<!--` or `<script` can end the script or switch the HTML parser into
    // its "script data escaped" states. U+2028/9 broke older JavaScript.
    let data = serde_json::to_string(days)
        .unwrap_or_else(|_| "[]".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    let title = escape(title);
    let attribution = escape(attribution);
    format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
* {{ box-sizing: border-box; }}
html, body {{ height: 100%; }}
body {{ margin: 0; font-family: "DejaVu Sans", Verdana, sans-serif; background: #f3f1ec; color: #1d1d1d; display: flex; flex-direction: column; }}
header {{ display: flex; align-items: center; gap: 0.6em 1em; padding: 0.4em 0.8em; background: #fff; border-bottom: 1px solid #d8d4ca; flex-wrap: wrap; flex: none; }}
#date {{ font-size: 2.4em; font-weight: bold; letter-spacing: 0.02em; min-width: 6.2em; }}
#summary {{ color: #555; font-size: 0.9em; }}
input[type=range] {{ flex: 1; min-width: 10em; }}
button {{ font-size: 1em; padding: 0.3em 0.8em; }}
#body {{ flex: 1; min-height: 0; display: flex; gap: 0.5em; padding: 0.5em; }}
main {{ flex: 1; min-width: 0; min-height: 0; display: flex; align-items: center; justify-content: center; }}
main img {{ max-width: 100%; max-height: 100%; width: auto; height: auto; object-fit: contain; box-shadow: 0 1px 4px rgba(0,0,0,.2); background: #fff; }}
aside {{ width: 19em; flex: none; overflow-y: auto; background: #fff; border: 1px solid #d8d4ca; padding: 0.5em 0.8em; font-size: 0.85em; }}
aside h2 {{ font-size: 1.1em; margin: 0.2em 0 0.5em; }}
aside ul {{ list-style: none; margin: 0; padding: 0; }}
aside li {{ margin: 0.3em 0; }}
aside .dot {{ display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.4em; vertical-align: middle; }}
footer {{ font-size: 0.75em; color: #666; padding: 0.3em 1em; flex: none; }}
@media (max-width: 800px) {{
  #date {{ font-size: 1.9em; min-width: 0; }}
  #body {{ flex-direction: column; }}
  main {{ flex: none; }}
  main img {{ max-height: 70vh; }}
  aside {{ width: auto; flex: 1; min-height: 6em; }}
}}
</style>
</head>
<body>
<header>
<div id="date" aria-live="polite"></div>
<button id="prev" title="previous day (←)">◀</button>
<input id="slider" type="range" min="0" value="0" step="1" aria-label="day">
<button id="next" title="next day (→)">▶</button>
<button id="play" title="play / pause (space)">Play</button>
<span id="summary"></span>
</header>
<div id="body">
<main><img id="map" alt=""></main>
<aside><h2 id="changes-title">Changed hands</h2><ul id="changes"></ul></aside>
</div>
<footer>{title}. {attribution}. Link to a day with #YYYY-MM-DD.</footer>
<script>
const DAYS = {data};
const slider = document.getElementById("slider");
const img = document.getElementById("map");
let timer = null;
slider.max = Math.max(0, DAYS.length - 1);
function show(i) {{
  if (!DAYS.length) return;
  i = Math.max(0, Math.min(DAYS.length - 1, i));
  const d = DAYS[i];
  slider.value = i;
  document.getElementById("date").textContent = d.date;
  document.getElementById("summary").textContent = d.summary;
  if (d.image) {{ img.src = d.image; img.alt = "Map of " + d.date; }}
  const ul = document.getElementById("changes");
  ul.replaceChildren();
  if (!d.changes.length) {{ const li = document.createElement("li"); li.textContent = "No place changed hands this day."; ul.appendChild(li); }}
  for (const c of d.changes) {{
    const li = document.createElement("li");
    const dot = document.createElement("span");
    dot.className = "dot"; dot.style.background = c.color;
    li.appendChild(dot);
    li.appendChild(document.createTextNode(c.place + " → " + c.to + " "));
    if (/^https?:\/\//.test(c.source)) {{
      const a = document.createElement("a");
      a.href = c.source; a.textContent = "source"; a.rel = "noopener noreferrer"; a.target = "_blank";
      li.appendChild(a);
    }}
    ul.appendChild(li);
  }}
  if (location.hash !== "#" + d.date) history.replaceState(null, "", "#" + d.date);
}}
function current() {{ return Number(slider.value); }}
function fromHash() {{
  const i = DAYS.findIndex(d => "#" + d.date === location.hash);
  return i < 0 ? 0 : i;
}}
slider.addEventListener("input", () => show(current()));
document.getElementById("prev").onclick = () => show(current() - 1);
document.getElementById("next").onclick = () => show(current() + 1);
document.getElementById("play").onclick = () => {{
  const b = document.getElementById("play");
  if (timer) {{ clearInterval(timer); timer = null; b.textContent = "Play"; return; }}
  b.textContent = "Pause";
  timer = setInterval(() => {{ if (current() >= DAYS.length - 1) show(0); else show(current() + 1); }}, 700);
}};
document.addEventListener("keydown", e => {{
  if (e.key === "ArrowLeft") show(current() - 1);
  else if (e.key === "ArrowRight") show(current() + 1);
  else if (e.key === " ") {{ e.preventDefault(); document.getElementById("play").click(); }}
}});
window.addEventListener("hashchange", () => show(fromHash()));
show(fromHash());
</script>
</body>
</html>
"##
    )
}
