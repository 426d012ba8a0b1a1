//! The `gleaner` command: clean pages given as files or on standard input.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gleaner::{Article, Cleaner, InputKind, Options, Outputs};

const USAGE: &str = "\
usage: gleaner [OPTIONS] FILE...|-

Cleans web pages (HTML, or text copied from a page) and prints the article.

options:
  --input auto|html|text      kind of input (default: auto)
  --format text|markdown|html|json
                              what to print (default: text)
  --explain                   list every dropped block and why (on stderr)
  --out DIR                   write one result per file into DIR; many
                              files are cleaned on every core (see --jobs)
  --jobs N                    how many pages to clean at once with --out
                              (default: one per core; 1 with --remember or
                              --explain, which keep the files' order)
  --remember                  clean all files with one cross-page memory, so
                              text repeated across pages is dropped
  --lang CODE                 assume this language instead of detecting it
  --base-url URL              resolve relative links against URL
  --page-type TYPE            the page's type instead of detecting it: article,
                              forum, product, collection, listing,
                              documentation, service or other
  --title headline|declared   the page's headline without the site's name
                              (default), or the title as the page declares it
                              (as Readability.js gives it)
  -h, --help                  show this help
  -V, --version               show the version";

/// The title style named on the command line.
fn title_style(v: &str) -> Result<gleaner::TitleStyle, String> {
    match v {
        "headline" => Ok(gleaner::TitleStyle::Headline),
        "declared" => Ok(gleaner::TitleStyle::Declared),
        _ => Err(format!(
            "--title: '{v}' is not a title style (headline, declared)"
        )),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

struct Args {
    options: Options,
    format: Format,
    explain: bool,
    out: Option<PathBuf>,
    remember: bool,
    jobs: Option<usize>,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        options: Options::default(),
        format: Format::Text,
        explain: false,
        out: None,
        remember: false,
        jobs: None,
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("gleaner {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--input" => {
                args.options.input = match value("--input")?.as_str() {
                    "auto" => InputKind::Auto,
                    "html" => InputKind::Html,
                    "text" => InputKind::Text,
                    v => return Err(format!("unknown input kind '{v}'")),
                }
            }
            "--format" => {
                args.format = match value("--format")?.as_str() {
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "html" => Format::Html,
                    "json" => Format::Json,
                    v => return Err(format!("unknown format '{v}'")),
                }
            }
            "--explain" => args.explain = true,
            "--remember" => args.remember = true,
            "--out" => args.out = Some(PathBuf::from(value("--out")?)),
            "--lang" => args.options.lang = Some(value("--lang")?),
            "--base-url" => args.options.base_url = Some(value("--base-url")?),
            "--page-type" => {
                let v = value("--page-type")?;
                let t = gleaner::PageType::from_name(&v).ok_or_else(|| {
                    format!("--page-type: '{v}' is not a page type (article, forum, product, collection, listing, documentation, service, other)")
                })?;
                args.options.page_type = Some(t);
            }
            "--jobs" => {
                let v = value("--jobs")?;
                let n = v.parse::<usize>().ok().filter(|&n| n > 0);
                args.jobs = Some(n.ok_or(format!("--jobs needs a number above 0, not '{v}'"))?);
            }
            "--title" => args.options.title = title_style(&value("--title")?)?,
            "-" => args.files.push(a),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            _ => args.files.push(a),
        }
    }
    if args.files.is_empty() {
        return Err("no input: give one or more files, or - for standard input".into());
    }
    // Only the rendering printed is written (JSON prints all three).
    args.options.outputs = match args.format {
        Format::Text => Outputs {
            text: true,
            ..Outputs::NONE
        },
        Format::Markdown => Outputs {
            markdown: true,
            ..Outputs::NONE
        },
        Format::Html => Outputs {
            html: true,
            ..Outputs::NONE
        },
        Format::Json => Outputs::ALL,
    };
    Ok(Some(args))
}

fn read_input(name: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("standard input: {e}"))?;
    } else {
        bytes = std::fs::read(name).map_err(|e| format!("{name}: {e}"))?;
    }
    // Legacy encodings are decoded as a browser would (BOM, <meta charset>).
    Ok(gleaner::decode(&bytes))
}

fn render(article: &Article, format: Format) -> String {
    match format {
        Format::Text => {
            let mut s = article.text.clone();
            s.push('\n');
            s
        }
        Format::Markdown => {
            let mut s = String::new();
            if let Some(t) = &article.title {
                s.push_str(&format!("# {t}\n\n"));
            }
            s.push_str(&article.markdown);
            s
        }
        Format::Html => article.html.clone(),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(article).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

fn explain(name: &str, article: &Article) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{name}: page type {}", article.page_type.name());
    for signal in &article.page_type_signals {
        let _ = writeln!(err, "  {signal}");
    }
    let _ = writeln!(err, "{name}: dropped blocks");
    for (i, b) in article.blocks.iter().enumerate().filter(|(_, b)| !b.kept) {
        let mut preview: String = b.text.chars().take(70).collect();
        if preview.len() < b.text.len() {
            preview.push('…');
        }
        let why = b
            .reason
            .as_ref()
            .map_or("dropped".into(), ToString::to_string);
        let _ = writeln!(err, "  #{i:<4} {why}: {preview}");
    }
}

fn out_path(dir: &Path, name: &str, format: Format) -> PathBuf {
    let stem = Path::new(name)
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let stem = stem
        .strip_suffix(".gz")
        .unwrap_or(&stem)
        .rsplit_once('.')
        .map_or(stem.as_str(), |(s, _)| s)
        .to_string();
    dir.join(format!("{stem}.{}", format.extension()))
}

/// Cleans one file: read, decode and clean it, with the cross-page memory
/// when there is one.
fn clean_file(
    name: &str,
    options: &Options,
    memory: Option<&mut Cleaner>,
) -> Result<Article, String> {
    let input = read_input(name)?;
    match memory {
        Some(cleaner) => cleaner.clean(&input),
        None => gleaner::clean(&input, options),
    }
    .map_err(|e| format!("{name}: {e}"))
}

/// Writes one result: into its file under `--out`, or on standard output
/// (with a header when there are several files).
fn write_result(args: &Args, name: &str, article: &Article) -> Result<(), String> {
    let rendered = render(article, args.format);
    match &args.out {
        Some(dir) => {
            let path = out_path(dir, name, args.format);
            std::fs::write(&path, rendered).map_err(|e| format!("{}: {e}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if args.files.len() > 1 {
                let header = format!("==> {name} <==\n");
                stdout
                    .write_all(header.as_bytes())
                    .map_err(|e| format!("standard output: {e}"))?;
            }
            stdout
                .write_all(rendered.as_bytes())
                .map_err(|e| format!("standard output: {e}"))
        }
    }
}

/// Cleans the files one after the other, in order; returns how many failed.
fn clean_in_order(args: &Args, progress: bool) -> usize {
    let mut cleaner = Cleaner::with_options(args.options.clone());
    let total = args.files.len();
    let mut failed = 0usize;
    for (n, name) in args.files.iter().enumerate() {
        if progress {
            eprint!("\r\x1b[2K[{}/{total}] {name}", n + 1);
        }
        let memory = args.remember.then_some(&mut cleaner);
        let done = clean_file(name, &args.options, memory).and_then(|article| {
            if args.explain {
                if progress {
                    eprintln!();
                }
                explain(name, &article);
            }
            write_result(args, name, &article)
        });
        if let Err(e) = done {
            if progress {
                eprintln!();
            }
            eprintln!("gleaner: {e}");
            failed += 1;
        }
    }
    failed
}

/// Cleans the files on `jobs` threads, each taking the next file not yet
/// taken, and writes each result into its own file; returns how many failed.
fn clean_in_parallel(args: &Args, jobs: usize, progress: bool) -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = args.files.len();
    let (next, done, failed) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                while let Some(name) = args.files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = clean_file(name, &args.options, None)
                        .and_then(|article| write_result(args, name, &article));
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    match result {
                        Err(e) => {
                            failed.fetch_add(1, Ordering::Relaxed);
                            eprintln!("{}gleaner: {e}", if progress { "\r\x1b[2K" } else { "" });
                        }
                        Ok(()) if progress => eprint!("\r\x1b[2K[{n}/{total}] {name}"),
                        Ok(()) => {}
                    }
                }
            });
        }
    });
    failed.into_inner()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gleaner: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("gleaner: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    }
    let total = args.files.len();
    let progress = total > 1 && std::io::stderr().is_terminal();
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let started = std::time::Instant::now();
    let parallel = args.out.is_some() && !args.remember && !args.explain;
    let threads = if parallel { jobs.min(total) } else { 1 };
    let failed = if threads > 1 {
        clean_in_parallel(&args, threads, progress)
    } else {
        clean_in_order(&args, progress)
    };
    if progress {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let rate = total as f64 / secs;
        eprintln!(
            "\r\x1b[2K{} of {total} pages cleaned in {secs:.1} s: {rate:.0} pages/s on {threads} thread(s), {:.0} per thread",
            total - failed,
            rate / threads as f64
        );
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
