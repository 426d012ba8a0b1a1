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
    let opts = Options {
        max_input_bytes: 10,
        ..Options::default()
    };
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
    let opts = Options {
        input: InputKind::Text,
        ..Options::default()
    };
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
