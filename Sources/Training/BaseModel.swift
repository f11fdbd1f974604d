import Checkpoint
import Foundation
import Models
import NN
import Tensors

/// A pretrained base stored as HDF5: weights of encoder, connector and language model, with the config that made them.
public enum BaseModel {
    /// The file name of the base of `config`: `base-<config hash>.h5`.
    public static func fileName(for config: PretrainConfig) throws -> String { "base-\(try ConfigHash.of(config)).h5" }

    /// Writes the base's weights (adapters excluded) with its config, hash, final loss, build time, the stages'
    /// held-out accuracies (`vision_accuracy_<group>`, `language_accuracy`) and the OpenBLAS kernel family that
    /// computed it (`blas_core`: another family rounds differently and trains a different base).
    public static func save(_ result: Pretrainer.Result, config: PretrainConfig, to url: URL) throws {
        var archive = TensorArchive(tensors: result.model.parameterValues().filter { !ParameterGroup.llmAdapters.contains($0.key) })
        for (group, accuracy) in result.visionAccuracy { archive.attributes["vision_accuracy_\(group)"] = .double(accuracy) }
        if let accuracy = result.languageAccuracy { archive.attributes["language_accuracy"] = .double(accuracy) }
        try archive.setJSON(config, for: "pretrain_config")
        archive.attributes["pilot_kind"] = .string("pretrained-base")
        archive.attributes["config_hash"] = .string(try ConfigHash.of(config))
        archive.attributes["final_loss"] = .double(Double(result.finalLoss))
        archive.attributes["build_seconds"] = .double(result.seconds)
        archive.attributes["blas_core"] = .string(BLAS.coreName)
        try HDF5Store.write(archive, to: url)
    }

    /// The stages' held-out accuracies as `save` recorded them, from one read of the file: the vision
    /// stage's per label group (empty for older bases) and the language stage's (nil without the stage).
    public static func stageAccuracies(at url: URL) throws -> (vision: [String: Double], language: Double?) {
        stageAccuracies(in: try HDF5Store.read(from: url).attributes)
    }

    /// The stages' held-out accuracies among a base file's attributes.
    static func stageAccuracies(in attributes: [String: AttributeValue]) -> (vision: [String: Double], language: Double?) {
        let prefix = "vision_accuracy_"
        var vision: [String: Double] = [:]
        for (name, value) in attributes where name.hasPrefix(prefix) {
            if case let .double(v) = value { vision[String(name.dropFirst(prefix.count))] = v }
        }
        guard case let .double(language)? = attributes["language_accuracy"] else { return (vision, nil) }
        return (vision, language)
    }

    /// A model with the base's weights, a LLaVA connector and fresh (zero-effect) LoRA adapters.
    ///
    /// `dualLoRA` gives FedDPA's two adapters; `rng` initialises the adapters' A matrices.
    public static func load(from url: URL, dualLoRA: Bool = false, rng: inout RandomStream) throws -> (model: MultimodalModel, config: PretrainConfig) {
        try load(HDF5Store.read(from: url), path: url.path, dualLoRA: dualLoRA, rng: &rng)
    }

    /// `load(from:)` on a base file already read (`path` names it in errors).
    static func load(_ archive: TensorArchive, path: String, dualLoRA: Bool = false,
                     rng: inout RandomStream) throws -> (model: MultimodalModel, config: PretrainConfig) {
        guard case .string("pretrained-base")? = archive.attributes["pilot_kind"],
              let config = try archive.json(PretrainConfig.self, for: "pretrain_config") else {
            throw BaseModelError.notABase(path)
        }
        let model = MultimodalModel(config: config.model, dualLoRA: dualLoRA, rng: &rng)
        do {
            try model.load(archive.tensors, allowMissing: false, skipping: ParameterGroup.llmAdapters.contains)
        } catch {
            throw BaseModelError.incompatible(path, "\(error)")
        }
        return (model, config)
    }
}

/// Why a base could not be used.
public enum BaseModelError: Error, CustomStringConvertible {
    /// The file is not a pretrained base.
    case notABase(String)
    /// Its weights do not fit the model.
    case incompatible(String, String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .notABase(path): return "\(path) is not a pretrained base (no pilot_kind = pretrained-base and pretrain_config)"
        case let .incompatible(path, why): return "\(path) does not fit the model: \(why)"
        }
    }
}

extension BaseModel {
    /// The base of `config` in `directory`: reused when its file exists, pretrained and saved otherwise.
    ///
    /// A base with an instruction stage starts from the same configuration's aligned base when that file
    /// exists (same weights as pretraining from scratch; `build_seconds` then adds the aligned base's to the
    /// stage's). `force` pretrains every stage again.
    ///
    /// - Parameter onStep: progress of pretraining, when it has to run.
    public static func ensure(_ config: PretrainConfig, in directory: URL, force: Bool = false,
                              onStep: (Pretrainer.Progress) -> Void = { _ in }) throws -> (url: URL, reused: Bool) {
        let url = directory.appendingPathComponent(try fileName(for: config))
        if !force && FileManager.default.fileExists(atPath: url.path) { return (url, true) }
        let aligned = directory.appendingPathComponent(try fileName(for: config.with(seed: config.seed, instructionSteps: 0)))
        if !force && config.instructionSteps > 0 && FileManager.default.fileExists(atPath: aligned.path) {
            try save(instruct(aligned, config: config, onStep: onStep), config: config, to: url)
        } else {
            try save(Pretrainer(config: config).train(onStep: onStep), config: config, to: url)
        }
        return (url, false)
    }

    /// The instruction stage of `config` run on the aligned base at `aligned`, with that base's recorded
    /// alignment loss and stage accuracies.
    static func instruct(_ aligned: URL, config: PretrainConfig, onStep: (Pretrainer.Progress) -> Void) throws -> Pretrainer.Result {
        let archive = try HDF5Store.read(from: aligned)
        var rng = Pretrainer.modelStream(seed: config.seed)
        let model = try load(archive, path: aligned.path, rng: &rng).model
        guard case let .double(finalLoss)? = archive.attributes["final_loss"],
              case let .double(alignedSeconds)? = archive.attributes["build_seconds"] else {
            throw BaseModelError.notABase(aligned.path)
        }
        let (vision, language) = stageAccuracies(in: archive.attributes)
        let seconds = Pretrainer(config: config).instruct(model, onStep: onStep)
        return Pretrainer.Result(model: model, finalLoss: Float(finalLoss), seconds: alignedSeconds + seconds,
                                 visionAccuracy: vision, languageAccuracy: language)
    }
}
