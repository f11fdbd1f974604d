import ArgumentParser
import Foundation
import Tensors

/// `pilot exec -- CMD …`: runs a command with the environment `pilot` itself runs under (the OpenBLAS fix).
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Run a command (e.g. the test suite) with the OpenBLAS core-type fix in its environment.")

    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments.") var command: [String] = []

    func run() throws {
        let argv = command.first == "--" ? Array(command.dropFirst()) : command
        guard let program = argv.first else { throw ValidationError("exec needs a command to run") }
        let cArgs = argv.map { strdup($0) } + [nil]
        execvp(program, cArgs)
        throw ValidationError("cannot run '\(program)': \(String(cString: strerror(errno)))")
    }
}

/// `pilot info`: the compute set-up this machine gets.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Print the compute set-up (OpenBLAS core, threads).")
    @OptionGroup var compute: ComputeOptions

    func run() throws {
        compute.apply()
        print(Runtime.summary)
        print("OpenBLAS configuration: \(BLAS.configuration)")
    }
}
