//! [`Cleaner`]: pages cleaned one after another through one memory.

use crate::article::Article;
use crate::error::Error;
use crate::memory::Memory;
use crate::options::Options;
use crate::pipeline;

/// Cleans pages one after another and remembers their blocks, so that text
/// repeated across pages of the same site is recognised as boilerplate
/// (the reason `repeated-across-pages`).
///
/// ```
/// let mut cleaner = gleaner::Cleaner::new();
/// let saved = cleaner.export();
/// let restored = gleaner::Cleaner::import(&saved).unwrap();
/// assert_eq!(restored.len(), 0);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaner {
    options: Options,
    memory: Memory,
}

impl Cleaner {
    /// A cleaner with default options and an empty memory.
    pub fn new() -> Cleaner {
        Cleaner::default()
    }

    /// A cleaner with these options and an empty memory.
    pub fn with_options(options: Options) -> Cleaner {
        Cleaner {
            options,
            memory: Memory::default(),
        }
    }

    /// Cleans a page, using and then extending the memory of earlier pages.
    ///
    /// # Errors
    /// As [`crate::clean`].
    pub fn clean(&mut self, input: &str) -> Result<Article, Error> {
        pipeline::clean_with_memory(input, &self.options, Some(&mut self.memory))
    }

    /// How many block fingerprints are remembered.
    pub fn len(&self) -> usize {
        self.memory.len()
    }

    /// Whether nothing is remembered yet.
    pub fn is_empty(&self) -> bool {
        self.memory.len() == 0
    }

    /// Forgets every page.
    pub fn forget(&mut self) {
        self.memory = Memory::default();
    }

    /// The memory as a compact string, to keep in a browser's storage.
    pub fn export(&self) -> String {
        self.memory.export()
    }

    /// Restores a memory written by [`Cleaner::export`] (default options).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the string is not an exported memory.
    pub fn import(saved: &str) -> Result<Cleaner, Error> {
        Ok(Cleaner {
            options: Options::default(),
            memory: Memory::import(saved)?,
        })
    }

    /// Replaces the options used for the next pages.
    pub fn set_options(&mut self, options: Options) {
        self.options = options;
    }
}
