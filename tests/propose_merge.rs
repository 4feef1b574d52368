//! The review loop of the README: propose --csv, mark rows, events merge, map.

mod common;

use common::frontline;

#[test]
fn propose_review_merge_and_map() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("article.txt");
    std::fs::write(
        &art,
        "Les forces du régime sont entrées mercredi à Saraqeb. Les rebelles ont repris jeudi Khan Touman.",
    )
    .unwrap();
    let csv = common::stdout_of(frontline().arg("propose").arg(&art).args([
        "--date",
        "2020-02-06",
        "--source",
        "https://example.org/story",
        "--csv",
    ]));
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    assert!(
        lines[0].ends_with(",evidence,status,flags,review"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 3, "{csv}");
    // accept the Saraqeb row (review is the last column)
    let k = lines.iter().position(|l| l.contains("Sar")).unwrap();
    lines[k].push_str("accept");
    let cands = dir.path().join("candidates.csv");
    std::fs::write(&cands, lines.join("\n") + "\n").unwrap();
    let events = dir.path().join("my-events.csv");
    let out = common::stdout_of(
        frontline()
            .args(["events", "merge"])
            .arg(&cands)
            .arg("--into")
            .arg(&events),
    );
    assert!(out.contains("1 appended"), "{out}");
    let text = std::fs::read_to_string(&events).unwrap();
    assert!(
        text.contains("2020-02-05,")
            && text.contains(",government,claimed,https://example.org/story"),
        "{text}"
    );
    // merging again skips what the timeline has
    let out = common::stdout_of(
        frontline()
            .args(["events", "merge"])
            .arg(&cands)
            .arg("--into")
            .arg(&events),
    );
    assert!(out.contains("0 appended, 1 already there"), "{out}");
    // the map draws from it
    let svg = dir.path().join("map.svg");
    common::stdout_of(
        frontline()
            .arg("map")
            .arg("--events")
            .arg(&events)
            .args(["--date", "2020-02-08", "--out"])
            .arg(&svg),
    );
    assert!(std::fs::metadata(&svg).unwrap().len() > 0);

    // a conflict: same place and day, other controller
    let conflict = dir.path().join("conflict.csv");
    std::fs::write(
        &conflict,
        "date,place,controller,confidence,source,note,evidence,status,flags,review\n2020-02-05,Saraqeb,opposition,claimed,https://example.org/x,,,new,,yes\n",
    )
    .unwrap();
    let out = frontline()
        .args(["events", "merge"])
        .arg(&conflict)
        .arg("--into")
        .arg(&events)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("conflict.csv:2") && err.contains("my-events.csv:2"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&events).unwrap(), text);

    // an accepted row whose place the gazetteer cannot resolve, and a duplicated row
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "date,place,controller,confidence,source,note,evidence,status,flags,review\n\
         2020-02-06,Tell al-Nar,opposition,claimed,https://example.org/x,,,new,,x\n\
         2020-02-07,Saraqeb,government,claimed,https://example.org/x,,,new,,x\n\
         2020-02-07,Saraqib,government,claimed,https://example.org/y,,,new,,x\n",
    )
    .unwrap();
    let out = frontline()
        .args(["events", "merge"])
        .arg(&bad)
        .arg("--into")
        .arg(&events)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.csv:2: field `place`") && err.contains("supplement.csv"),
        "{err}"
    );
    assert!(
        err.contains("bad.csv:4") && err.contains("duplicated"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&events).unwrap(), text);
}
