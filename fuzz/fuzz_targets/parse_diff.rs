//! Our own HTML parser against html5ever: the same tree, node for node, on
//! any input, with the front end's pre-pass and without it. Needs the
//! fuzz crate's `own-parser` feature (`run.sh` passes it).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    for prepass in [false, true] {
        let [theirs, ours] = gleaner::parse_trees(&input, prepass);
        if theirs != ours {
            let line = theirs
                .lines()
                .zip(ours.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "the trees differ (pre-pass {prepass}) at line {}:\nhtml5ever: {:?}\nown:       {:?}",
                line + 1,
                theirs.lines().nth(line),
                ours.lines().nth(line)
            );
        }
    }
});
