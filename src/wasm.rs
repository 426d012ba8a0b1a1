//! WebAssembly bindings (built only for `wasm32`).
