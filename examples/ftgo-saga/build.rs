//! The library call of `treaty gen rust`, as a build script uses it: the kitchen service's
//! modules are generated into OUT_DIR on every build (and again whenever a contract changes),
//! the way prost-build and tonic-build are used. `src/lib.rs` includes the file.

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = treaty::codegen::rust::Builder::new("../../treaty.yaml")
        .service("kitchen")
        .generate(out.join("kitchen.rs"))
    {
        // A build script reports failure by exiting non-zero with a message.
        eprintln!("treaty gen rust failed: {e}");
        std::process::exit(1);
    }
}
