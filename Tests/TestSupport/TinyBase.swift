import Foundation
import Training

/// The tiny pretrained base the tests that train start from: pilot-tiny's shape (`TinyModel`), a few pretraining steps.
public enum TinyBase {
    public static let config = PretrainConfig(model: TinyModel.config, seed: 1, visionSteps: 4, steps: 4, batchSize: 4)

    /// Its file in `directory`, pretrained there (in well under a second) when missing.
    public static func url(in directory: URL) throws -> URL { try BaseModel.ensure(config, in: directory).url }
}
