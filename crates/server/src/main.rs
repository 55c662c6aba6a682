fn main() -> std::process::ExitCode {
    praevnet_server::cli::main()
}
