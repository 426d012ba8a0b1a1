//! The one error type of the library.

use std::fmt;

/// Why a page could not be cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::Options::max_input_bytes`].
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The input is not text (binary data such as an image or an archive).
    Binary,
    /// An option or a serialized memory could not be read.
    InvalidInput(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { size, limit } => write!(
                f,
                "input is too large: {size} bytes, the limit is {limit} bytes"
            ),
            Error::Binary => write!(f, "input looks like binary data, not a web page or text"),
            Error::InvalidInput(what) => write!(f, "invalid input: {what}"),
        }
    }
}

impl std::error::Error for Error {}
