import Checkpoint
import Foundation

extension RunConfig {
    /// The run's directory name: `<method>-<scenario>[-base<base seed>]-seed<seed>-<first 8 hex digits of the config hash>`
    /// (the base part only for bases other than seed 0's, so the default runs keep their names).
    ///
    /// `pilot run` and the study executor both name runs this way, so they find each other's runs.
    public func directoryName() throws -> String {
        let base = self.base.seed == 0 ? "" : "-base\(self.base.seed)"
        return "\(method.name)-\(scenario.kind.rawValue)\(base)-seed\(seed)-\(try ConfigHash.of(self).prefix(8))"
    }

    /// The run's directory under `runs`.
    public func directory(in runs: URL) throws -> URL { runs.appendingPathComponent(try directoryName()) }
}
