// swift-tools-version:6.0
// Pilot in Swift: federated multimodal instruction tuning, reproducible from one command.
import PackageDescription

#if arch(x86_64)
/// On x86-64 the release kernels are compiled for Haswell (AVX2, 2013 and later): wider vectors for the
/// element-wise loops, the same floats (Swift never fuses a multiply and an add on its own, so no FMA
/// appears). `pilot` checks the CPU first (`CPUFeatures`); that check is compiled for the baseline.
let kernelCPU = ["-target-cpu", "haswell"]
let kernelCPUCondition: [SwiftSetting] = [.define("KERNELS_FOR_HASWELL", .when(configuration: .release))]
#else
let kernelCPU: [String] = []
let kernelCPUCondition: [SwiftSetting] = []
#endif

/// Kernels are hot loops over unsafe pointers: bounds and exclusivity checks cost more than they catch there.
let fastKernels: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-enforce-exclusivity=unchecked"] + kernelCPU, .when(configuration: .release)),
]

let package = Package(
    name: "Pilot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pilot", targets: ["pilot"]),
        .library(name: "PilotEngine", targets: ["Platform", "Tensors", "Autodiff", "NN", "Models", "Files", "Checkpoint", "World", "Metrics", "Training", "Federated", "Report", "Study"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "Platform", swiftSettings: kernelCPUCondition),
        .target(name: "Tensors", dependencies: ["Platform", "CBLAS", "CMalloc"], swiftSettings: fastKernels),
        .target(name: "Autodiff", dependencies: ["Tensors"], swiftSettings: fastKernels),
        .target(name: "NN", dependencies: ["Autodiff", "Tensors"], swiftSettings: fastKernels),
        .target(name: "Models", dependencies: ["NN", "Autodiff", "Tensors"], swiftSettings: fastKernels),
        .target(name: "Files"),
        .target(name: "Checkpoint", dependencies: ["CHDF5", "Files", "Tensors"]),
        .target(name: "World", dependencies: ["Tensors"]),
        .target(name: "Training", dependencies: ["Models", "NN", "Autodiff", "Tensors", "Checkpoint", "World", "Metrics", "Report"]),
        .target(name: "Federated", dependencies: ["Training", "Models", "NN", "Autodiff", "Tensors", "Checkpoint", "World", "Report"]),
        .target(name: "Bench", dependencies: ["Tensors", "Autodiff", "NN", "Models", "Report"]),
        .target(name: "Metrics"),
        .target(name: "Report", dependencies: ["Files"]),
        .target(name: "Study", dependencies: ["Federated", "Report", "Training", "Models", "Tensors", "World", "Checkpoint"]),
        .target(name: "PaperStudies", dependencies: ["Study", "Report", "Training", "Federated", "World"], path: "Studies"),
        .executableTarget(name: "pilot", dependencies: [
            "Bench", "Platform", "Tensors", "Files", "Checkpoint", "World", "Metrics", "Models", "Training", "Federated", "NN", "Report", "Study", "PaperStudies",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", dependencies: ["Tensors", "Autodiff", "Models", "World", "Training"], path: "Tests/TestSupport"),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "Platform", "TestSupport"]),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "Tensors", "TestSupport"]),
        .testTarget(name: "NNTests", dependencies: ["NN", "Models", "Autodiff", "Tensors", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "NN", "Autodiff", "Tensors", "Checkpoint", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "WorldTests", dependencies: ["World", "Tensors", "TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "World", "Models", "NN", "Autodiff", "Tensors", "Checkpoint", "TestSupport"]),
        .testTarget(name: "FederatedTests", dependencies: ["Federated", "Training", "Models", "NN", "Tensors", "World", "Checkpoint", "TestSupport"]),
        .testTarget(name: "FilesTests", dependencies: ["Files"]),
        // The `pilot` executable end to end, run as a child process (make test builds it first).
        .testTarget(name: "PilotCLITests", dependencies: ["Checkpoint", "Federated", "Tensors", "Training", "TestSupport"]),
        .testTarget(name: "CheckpointTests", dependencies: ["Checkpoint", "Tensors", "TestSupport"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "StudyTests", dependencies: ["Study", "PaperStudies", "Report", "Federated", "Training",
                                                       "World", "Checkpoint", "NN", "Tensors", "TestSupport"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v5]
)
