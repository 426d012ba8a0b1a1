//! URLs of links and images, resolved against the page's base.

/// Resolves a URL against the base URL (scheme-relative, root-relative and
/// path-relative forms). A URL with a scheme of its own (`javascript:`,
/// `data:`, `mailto:`) is never resolved: it stays as it is, for the
/// renderers to keep or refuse.
pub(crate) fn resolve(base: Option<&str>, url: &str) -> String {
    let url = url.trim();
    let Some(base) = base.filter(|b| b.contains("://")) else {
        return url.to_string();
    };
    if url.is_empty()
        || url.starts_with('#')
        || scheme_in(url, &mut [0; MAX_SCHEME_CHARS + 1]).is_some()
    {
        return url.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    if let Some(rest) = url.strip_prefix("//") {
        return format!("{}//{rest}", &base[..scheme_end.saturating_sub(2)]);
    }
    if url.starts_with('/') {
        return format!("{}{url}", &base[..host_end]);
    }
    let path_base = base.split(['?', '#']).next().unwrap_or(base);
    let dir_end = path_base
        .rfind('/')
        .filter(|&i| i >= host_end)
        .map_or(path_base.len(), |i| i + 1);
    let mut out = path_base[..dir_end].to_string();
    if dir_end == path_base.len() && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(url);
    out
}

/// The longest scheme [`scheme_in`] reads: none registered is longer, and it
/// bounds the work on a long URL (a bound on work, not a threshold).
const MAX_SCHEME_CHARS: usize = 32;

/// The scheme a URL starts with, lower case (`http`, `javascript`), as a
/// browser reads it: tabs and newlines anywhere are ignored, and a scheme
/// is a letter, then letters, digits, `+`, `-` or `.`, up to a colon.
///
/// Written into `buf` rather than a new string: the links of a page are
/// asked often.
fn scheme_in<'b>(url: &str, buf: &'b mut [u8; MAX_SCHEME_CHARS + 1]) -> Option<&'b str> {
    let mut len = 0;
    for c in url
        .trim_start()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
    {
        let byte = match c {
            ':' if len > 0 => return std::str::from_utf8(buf.get(..len)?).ok(),
            c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
            c if len > 0 && (c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) => c,
            _ => return None,
        };
        // (Every character taken is ASCII: one byte.)
        *buf.get_mut(len)? = byte as u8;
        len += 1;
        if len > MAX_SCHEME_CHARS {
            return None;
        }
    }
    None
}

/// Whether a link runs code or holds a document instead of going
/// somewhere: `javascript:`, `vbscript:`, `data:` (never a URL to follow).
/// Whether an anchor's address leads nowhere: none, a bare `#` (a button
/// that a script drives: a star of a rating, a toggle), or a script. Such an
/// anchor is a control, not a link.
pub(crate) fn goes_nowhere(href: &str) -> bool {
    let href = href.trim();
    href.is_empty() || href == "#" || is_script(href)
}

pub(crate) fn is_script(url: &str) -> bool {
    matches!(
        scheme_in(url, &mut [0; MAX_SCHEME_CHARS + 1]),
        Some("javascript" | "vbscript" | "data")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_a_scheme_are_not_resolved() {
        let base = Some("https://example.org/a/b.html");
        assert_eq!(resolve(base, "c.html"), "https://example.org/a/c.html");
        assert_eq!(resolve(base, "/c"), "https://example.org/c");
        assert_eq!(resolve(base, "javascript:void(0)"), "javascript:void(0)");
        assert_eq!(resolve(base, " Java\tScript:x()"), "Java\tScript:x()");
        assert_eq!(
            resolve(base, "mailto:a@example.org"),
            "mailto:a@example.org"
        );
        assert_eq!(resolve(base, "./a:b"), "https://example.org/a/./a:b");
        assert!(is_script("  VBScript:msgbox(1)"));
        assert!(is_script("data:text/html,x"));
        assert!(!is_script("/data:x"));
        assert!(!is_script("https://example.org/"));
    }
}
