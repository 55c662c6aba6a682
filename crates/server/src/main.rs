/// mimalloc returns freed memory to the system; glibc's malloc keeps the arenas a burst of
/// logins or searches grew for as long as the process lives (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    praevnet_server::cli::main()
}
