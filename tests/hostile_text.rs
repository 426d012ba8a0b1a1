//! Bad input gets a result or a clear error, never a panic.

use gleaner::{clean, Error, InputKind, Options};

#[test]
fn empty_and_blank_input_give_an_empty_article() {
    for input in ["", " ", "\n\n\t  \r\n", "\u{feff}"] {
        let a = clean(input, &Options::default()).expect("a result");
        assert_eq!(a.text, "");
        assert_eq!(a.word_count, 0);
        assert_eq!(a.title, None);
    }
}

#[test]
fn binary_junk_is_refused_with_a_clear_error() {
    let junk: String = (0u8..=255).cycle().take(10_000).map(char::from).collect();
    let junk = junk.replace(|c: char| c.is_alphanumeric(), "\u{0}");
    let err = clean(&junk, &Options::default()).unwrap_err();
    assert_eq!(err, Error::Binary);
    assert!(err.to_string().contains("binary"));
}

#[test]
fn input_over_the_limit_is_refused() {
    let mut opts = Options::default();
    opts.max_input_bytes = 10;
    let err = clean("this is longer than ten bytes", &opts).unwrap_err();
    assert!(matches!(
        err,
        Error::TooLarge {
            size: 29,
            limit: 10
        }
    ));
}

#[test]
fn a_fifty_megabyte_single_line_gives_a_result() {
    let sentence = "The committee said that the plan would be ready by the end of the year. ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    assert!(line.len() > 49 * 1024 * 1024);
    let mut opts = Options::default();
    opts.input = InputKind::Text;
    let a = clean(&line, &opts).expect("a result");
    assert_eq!(a.blocks.len(), 1);
    assert!(a.blocks[0].kept);
    assert_eq!(a.text.len(), line.trim().len());
}

#[test]
fn control_characters_and_odd_text_do_not_panic() {
    let inputs = [
        "a\u{0}b\u{1}c\nline two with \u{7f} delete",
        "»«„“\"\"\"“”‚‘ quotes without ends «",
        "BERLIN (",
        "WASHINGTON / (AP) –",
        "- \n* \n1. \n» ",
        "🙂🙂🙂 emoji only line 🙂🙂🙂\n",
        "\r\r\r\n\n\r",
    ];
    for input in inputs {
        let _ = clean(input, &Options::default());
    }
}

fn text(input: &str) -> gleaner::Article {
    let mut opts = Options::default();
    opts.input = InputKind::Text;
    clean(input, &opts).expect("text always gives a result")
}

#[test]
fn whitespace_of_every_kind_gives_an_empty_article() {
    for input in [
        "\u{a0}\u{2000}\u{3000}\u{200b}\n\u{2028}\u{2029}",
        &" \n".repeat(1_000_000),
        &"\r".repeat(1_000_000),
        &"\t\u{c} ".repeat(100_000),
    ] {
        let a = text(input);
        assert_eq!(a.text.trim(), "");
        assert_eq!(a.word_count, 0);
    }
}

#[test]
fn many_lines_and_long_words() {
    let line = "A line of prose that is long enough to count, with a comma and a full stop.\n";
    let a = text(&line.repeat(500_000));
    assert!(!a.text.is_empty());
    // The same short line 500,000 times, alternating furniture and prose.
    let a = text(&"Home | News | Sport\nThe council said the budget was ready.\n".repeat(250_000));
    assert!(!a.blocks.is_empty());
    // One 20 MB word, one line of 5,000,000 list markers, 1,000,000 quotes.
    assert_eq!(text(&"x".repeat(20 << 20)).text.len(), 20 << 20);
    let _ = text(&"- ".repeat(5_000_000));
    let _ = text(&"“".repeat(1_000_000));
    let _ = text(&"\"A quoted Title Here\" ".repeat(200_000));
    // Hard-wrapped lines with no paragraph break at all.
    let wrapped = "the text goes on and on without an end in\n".repeat(500_000);
    assert!(!text(&wrapped).blocks.is_empty());
}

#[test]
fn nul_bytes_and_controls_in_text() {
    // A few NULs in prose: a result; mostly NULs: a clear error.
    let prose = "The committee said that the plan would be ready soon.\u{0} ".repeat(20);
    assert!(text(&prose).text.contains("committee"));
    assert_eq!(
        clean(&"\u{0}".repeat(1000), &Options::default()).unwrap_err(),
        Error::Binary
    );
    let _ = clean(
        &"\u{1b}[31m red \u{1b}[0m\n".repeat(1000),
        &Options::default(),
    );
}

#[test]
fn the_same_page_gives_the_same_article_every_time() {
    let page = "Alpha beta gamma\nThe list says \"Alpha beta gamma\" and \"Alpha_beta gamma\" here.\nAlpha_beta gamma\nA paragraph of prose follows here, long enough to be an article paragraph.\n";
    let first = text(page);
    for _ in 0..20 {
        assert_eq!(text(page), first);
    }
}

#[test]
fn a_hundred_thousand_counted_sections_clean_in_linear_time() {
    // Headings numbered in order, each over prose of its own: the chain of
    // counted sections is found without copying it at every step.
    let prose = "The committee said that the plan would be ready by the end of the year, and that work on the new road would start in the spring.";
    let text: String = (1..=100_000)
        .map(|n| format!("{n}. Section\n{prose}\n"))
        .collect();
    let mut opts = Options::default();
    opts.input = InputKind::Text;
    let a = clean(&text, &opts).expect("a result");
    assert!(a.blocks.len() >= 200_000);
    assert!(a.text.contains(prose));
}

#[test]
fn a_hundred_thousand_contents_entries_clean_in_good_time() {
    // A table of contents naming every section of a long page, each section
    // over prose of its own: the chain of named headings is found in
    // `n log n`, not by comparing every entry with every heading.
    let prose = "The committee said that the plan would be ready by the end of the year, and that work on the new road would start in the spring.";
    let contents: String = (1..=50_000).map(|n| format!("Part {n}\n")).collect();
    let sections: String = (1..=50_000)
        .map(|n| format!("Part {n}\n{prose}\n"))
        .collect();
    let mut opts = Options::default();
    opts.input = InputKind::Text;
    let a = clean(&format!("{contents}{sections}"), &opts).expect("a result");
    assert!(a.blocks.len() >= 150_000);
    assert!(a.text.contains(prose));
}
