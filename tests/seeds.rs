//! The original examples of the job: five copied news pages and what a person
//! expects of them. Each seed is a test of its own (`seeds::<name>`), and
//! `one_cleaner_marks_the_shared_footer_as_repeated` runs them through one `Cleaner`.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

fn seeds() -> Vec<(String, String, Value)> {
    let dir = common::shared().join("seeds");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("seeds folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).expect("seed text");
            let expected =
                std::fs::read_to_string(dir.join("expected").join(format!("{name}.json")))
                    .expect("expected json");
            out.push((name, text, serde_json::from_str(&expected).expect("json")));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 5, "five seeds");
    out
}

/// One seed gives exactly the expected article and metadata.
fn seed_gives_the_expected_article(name: &str, text: &str, expected: &Value) {
    let article = gleaner::clean(text, &gleaner::Options::default()).expect(name);
    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    let want: Vec<&str> = expected["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paragraphs, want, "{name}: paragraphs");
    assert_eq!(
        article.title.as_deref(),
        expected["title"].as_str(),
        "{name}: title"
    );
    let places: Vec<&str> = expected["dateline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        article.dateline.as_ref().map(|d| d.places.clone()),
        Some(places.iter().map(|s| s.to_string()).collect()),
        "{name}: dateline places"
    );
    assert_eq!(
        article.lang.as_deref(),
        expected["lang"].as_str(),
        "{name}: lang"
    );
    assert_eq!(
        article.site_name.as_deref(),
        expected["site_name"].as_str(),
        "{name}: site"
    );
    // Every input line is reported, and every dropped one says why.
    assert!(
        article.blocks.iter().all(|b| b.kept || b.reason.is_some()),
        "{name}: reasons"
    );
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(article.blocks.len(), lines, "{name}: one block per line");
}

fn one_cleaner_marks_the_shared_footer_as_repeated(seeds: &[(String, String, Value)]) {
    let mut cleaner = gleaner::Cleaner::new();
    let mut earlier_lines: Vec<String> = Vec::new();
    let mut repeated_per_page = Vec::new();
    for (name, text, expected) in seeds {
        let article = cleaner.clean(text).expect(name);
        let paragraphs = expected["paragraphs"].as_array().unwrap();
        // The memory never costs the article a paragraph.
        assert_eq!(
            article.text.split("\n\n").count(),
            paragraphs.len(),
            "{name}"
        );
        // Every line this page shares word for word with an earlier page
        // (apart from its title) is reported as repeated.
        for b in &article.blocks {
            if b.text.chars().count() >= 12
                && earlier_lines.contains(&b.text)
                && b.kind != gleaner::BlockKind::Title
            {
                assert_eq!(
                    b.reason.as_ref().map(|r| r.code()),
                    Some("repeated-across-pages"),
                    "{name}: {}",
                    b.text
                );
                assert!(!b.kept);
            }
        }
        earlier_lines.extend(text.lines().map(|l| l.trim().to_string()));
        let repeated = article
            .blocks
            .iter()
            .filter(|b| b.reason == Some(gleaner::Reason::RepeatedAcrossPages))
            .count();
        repeated_per_page.push(repeated);
    }
    assert_eq!(
        repeated_per_page[0], 0,
        "nothing is repeated on the first page"
    );
    assert!(
        repeated_per_page[2..].iter().all(|&n| n >= 5),
        "later pages share footer blocks: {repeated_per_page:?}"
    );

    // The memory survives a round trip through its string form, and cleaning
    // a page it has seen gives the same result.
    let mut restored = gleaner::Cleaner::import(&cleaner.export()).unwrap();
    assert_eq!(restored.len(), cleaner.len());
    let (name, text, expected) = &seeds[4];
    let again = restored.clean(text).unwrap();
    assert_eq!(
        again.text.split("\n\n").count(),
        expected["paragraphs"].as_array().unwrap().len(),
        "{name}"
    );
    let repeated = again
        .blocks
        .iter()
        .filter(|b| b.reason == Some(gleaner::Reason::RepeatedAcrossPages))
        .count();
    assert_eq!(repeated, repeated_per_page[4]);
}

fn main() -> std::process::ExitCode {
    let seeds = seeds();
    let mut trials: Vec<Trial> = seeds
        .iter()
        .cloned()
        .map(|(name, text, expected)| {
            Trial::test(format!("seeds::{name}"), move || {
                seed_gives_the_expected_article(&name, &text, &expected);
                Ok::<(), Failed>(())
            })
        })
        .collect();
    trials.push(Trial::test(
        "one_cleaner_marks_the_shared_footer_as_repeated",
        move || {
            one_cleaner_marks_the_shared_footer_as_repeated(&seeds);
            Ok(())
        },
    ));
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}
