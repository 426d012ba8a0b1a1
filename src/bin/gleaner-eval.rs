fn main() { eprintln!("gleaner-eval: not written yet"); std::process::exit(2) }
