import Checkpoint
import Foundation

extension RunConfig {
    /// The run's directory name: `<method>-<scenario>-seed<seed>-<first 8 hex digits of the config hash>`.
    ///
    /// `pilot run` and the study executor both name runs this way, so they find each other's runs.
    public func directoryName() throws -> String {
        "\(method.name)-\(scenario.kind.rawValue)-seed\(seed)-\(try ConfigHash.of(self).prefix(8))"
    }

    /// The run's directory under `runs`.
    public func directory(in runs: URL) throws -> URL { runs.appendingPathComponent(try directoryName()) }
}
