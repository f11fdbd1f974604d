import Foundation
import PackagePlugin

/// Generates `Studies.all` for a target from the study declarations in its Swift files (see `StudyScanner`).
///
/// Adding a study is adding a file: the plugin runs on every build whose inputs changed, so a new
/// file's studies join the registry without any other edit.
@main
struct StudyRegistryPlugin: BuildToolPlugin {
    /// One build command: scan the target's Swift files, write `StudyRegistry.swift`.
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles(withSuffix: "swift").map(\.url)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("StudyRegistry.swift")
        return [.buildCommand(displayName: "Generating the study registry of \(target.name)",
                              executable: try context.tool(named: "StudyRegistryGenerator").url,
                              arguments: [output.path] + inputs.map(\.path),
                              inputFiles: inputs, outputFiles: [output])]
    }
}
