//! URLs of links and images, resolved against the page's base.

/// Resolves a URL against the base URL (scheme-relative, root-relative and
/// path-relative forms).
pub(crate) fn resolve(base: Option<&str>, url: &str) -> String {
    let url = url.trim();
    let Some(base) = base.filter(|b| b.contains("://")) else {
        return url.to_string();
    };
    if url.is_empty() || url.starts_with('#') || url.contains("://") || url.starts_with("mailto:") {
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
