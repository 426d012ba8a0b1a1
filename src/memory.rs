//! Cross-page memory: blocks repeated across pages of one site are template.

use std::collections::HashMap;

use crate::error::Error;
use crate::util::{fnv64, norm_key, prefix};

/// How many block fingerprints a memory keeps at most (oldest are forgotten).
const CAPACITY: usize = 50_000;
/// Blocks shorter than this (normalised characters) are not remembered.
const MIN_KEY: usize = 12;
const MAGIC: &str = "gleaner-memory-1:";

/// Fingerprints of blocks seen on earlier pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Memory {
    /// Block fingerprint -> (page it was first seen on, insertion order).
    blocks: HashMap<u64, (u32, u64)>,
    next: u64,
}

/// A key's fingerprint; the page's title is replaced by a placeholder, so that
/// template lines that quote the title ("Comment on “TITLE”") match across pages.
fn fingerprint(key: &str, title_key: Option<&str>) -> Option<u64> {
    if key.len() < MIN_KEY {
        return None;
    }
    match title_key.filter(|t| !t.is_empty() && key.contains(*t)) {
        Some(t) => Some(fnv64(&key.replace(t, "\u{1}"))),
        None => Some(fnv64(key)),
    }
}

impl Memory {
    /// Whether a block (by its normalised key) was seen on another page.
    pub(crate) fn seen(&self, key: &str, title_key: Option<&str>, page: u64) -> bool {
        fingerprint(key, title_key)
            .and_then(|h| self.blocks.get(&h))
            .is_some_and(|&(p, _)| p != page as u32)
    }

    /// The remembered blocks as (insertion order, fingerprint, page), oldest
    /// first (orders are unique). For the rare trims and exports, so a
    /// heapsort: a few hundred bytes of wasm where the standard sorts take
    /// kilobytes per element type.
    fn by_age(&self) -> Vec<(u64, u64, u32)> {
        let mut v: Vec<(u64, u64, u32)> =
            self.blocks.iter().map(|(&h, &(p, o))| (o, h, p)).collect();
        let sift = |v: &mut [(u64, u64, u32)], mut root: usize, end: usize| loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                break;
            }
            v.swap(root, child);
            root = child;
        };
        let n = v.len();
        for i in (0..n / 2).rev() {
            sift(&mut v, i, n);
        }
        for end in (1..n).rev() {
            v.swap(0, end);
            sift(&mut v, 0, end);
        }
        v
    }

    /// Remembers the blocks of a page.
    pub(crate) fn remember<'a>(
        &mut self,
        texts: impl Iterator<Item = &'a str>,
        title_key: Option<&str>,
        page: u64,
    ) {
        for text in texts {
            if let Some(h) = fingerprint(&norm_key(prefix(text, 4000)), title_key) {
                let order = self.next;
                self.blocks.entry(h).or_insert((page as u32, order));
                self.next += 1;
            }
        }
        if self.blocks.len() > CAPACITY {
            let cut = self.by_age()[self.blocks.len() - CAPACITY].0;
            self.blocks.retain(|_, &mut (_, o)| o >= cut);
        }
    }
}

impl Memory {
    /// How many block fingerprints are remembered.
    pub(crate) fn len(&self) -> usize {
        self.blocks.len()
    }

    /// The memory as a compact string, to keep in a browser's storage.
    pub(crate) fn export(&self) -> String {
        let entries = self.by_age();
        let mut out = String::with_capacity(MAGIC.len() + entries.len() * 25);
        out.push_str(MAGIC);
        for (_, h, page) in entries {
            out.push_str(&format!("{h:016x}{page:08x}"));
        }
        out
    }

    /// Reads a memory written by [`Memory::export`].
    pub(crate) fn import(saved: &str) -> Result<Memory, Error> {
        let bad = || Error::InvalidInput("not a gleaner memory".into());
        let body = saved.trim().strip_prefix(MAGIC).ok_or_else(bad)?;
        if body.len() % 24 != 0 || !body.is_ascii() {
            return Err(bad());
        }
        let mut memory = Memory::default();
        for chunk in body.as_bytes().chunks(24) {
            let chunk = std::str::from_utf8(chunk).map_err(|_| bad())?;
            let h = u64::from_str_radix(&chunk[..16], 16).map_err(|_| bad())?;
            let page = u32::from_str_radix(&chunk[16..], 16).map_err(|_| bad())?;
            let order = memory.next;
            memory.blocks.insert(h, (page, order));
            memory.next += 1;
        }
        Ok(memory)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_age_is_insertion_order() {
        let mut m = Memory::default();
        let texts: Vec<String> = (0..1000)
            .map(|i| format!("block number {} of a long page", (i * 7919) % 1000))
            .collect();
        m.remember(texts.iter().map(String::as_str), None, 1);
        let orders: Vec<u64> = m.by_age().iter().map(|&(o, _, _)| o).collect();
        assert_eq!(orders, (0..1000).collect::<Vec<u64>>());
    }

    #[test]
    fn export_import_round_trip() {
        let mut m = Memory::default();
        m.remember(["A line long enough to remember", "x"].into_iter(), None, 7);
        assert_eq!(m.len(), 1);
        let back = Memory::import(&m.export()).unwrap();
        assert_eq!(back.blocks.len(), 1);
        assert!(back.seen(&norm_key("A line long enough to remember"), None, 8));
        assert!(!back.seen(&norm_key("A line long enough to remember"), None, 7));
        assert!(Memory::import("nonsense").is_err());
        assert!(Memory::import("gleaner-memory-1:zz").is_err());
    }
}
