import Foundation

/// A dense, contiguous, row-major array of `Float` with a shape.
///
/// `Tensor` has value semantics: copies share storage until one of them is written, and
/// then the writer gets its own copy. Reshaping never copies.
public struct Tensor {
    /// Extent of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements, shared between copies until a write.
    public private(set) var storage: TensorStorage

    /// Number of elements (the product of `shape`).
    @inlinable public var count: Int { storage.count }
    /// Number of dimensions.
    @inlinable public var rank: Int { shape.count }

    /// A tensor of `shape` whose elements are not initialised; every element must be written before it is read.
    public init(uninitialized shape: [Int]) {
        Tensor.validate(shape)
        self.shape = shape
        self.storage = TensorStorage(uninitializedCount: shape.reduce(1, *))
    }

    /// A tensor of `shape` filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(uninitialized: shape)
        storage.pointer.initialize(repeating: value, count: count)
    }

    public init(zeros shape: [Int]) { self.init(repeating: 0, shape: shape) }

    /// A tensor of `shape` holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Float]) {
        self.init(uninitialized: shape)
        precondition(scalars.count == count, "\(scalars.count) scalars for shape \(shape) (\(count) elements)")
        scalars.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: count) }
    }

    /// A rank-0 tensor holding one value.
    public init(scalar: Float) { self.init(shape: [], scalars: [scalar]) }

    /// A view of `storage` with `shape`; the element counts must agree.
    public init(shape: [Int], storage: TensorStorage) {
        Tensor.validate(shape)
        precondition(shape.reduce(1, *) == storage.count, "shape \(shape) does not fit \(storage.count) elements")
        self.shape = shape
        self.storage = storage
    }

    /// The elements in row-major order.
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage.pointer, count: count)) }

    /// The single element of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "scalar of a tensor with \(count) elements")
        return storage.pointer[0]
    }

    /// The same elements under another shape with the same element count; one dimension may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: Tensor.resolve(newShape, count: count), storage: storage)
    }

    /// Calls `body` with read access to the elements.
    @inlinable
    public func withUnsafePointer<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafePointer(storage.pointer)) }
    }

    /// Calls `body` with write access to the elements, copying them first if they are shared.
    @inlinable
    public mutating func withUnsafeMutablePointer<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        makeUnique()
        return try withExtendedLifetime(storage) { try body(storage.pointer) }
    }

    /// Element access by flat row-major index (for tests and small bookkeeping, not for kernels).
    public subscript(flat index: Int) -> Float {
        get {
            precondition(index >= 0 && index < count, "flat index \(index) out of range 0..<\(count)")
            return storage.pointer[index]
        }
        set {
            precondition(index >= 0 && index < count, "flat index \(index) out of range 0..<\(count)")
            makeUnique()
            storage.pointer[index] = newValue
        }
    }

    /// Gives this tensor its own storage if another tensor shares it.
    @usableFromInline
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = TensorStorage(copying: storage) }
    }

    static func validate(_ shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
    }

    /// Replaces one -1 in `shape` by the extent that makes the element count `count`.
    static func resolve(_ shape: [Int], count: Int) -> [Int] {
        let unknown = shape.indices.filter { shape[$0] == -1 }
        precondition(unknown.count <= 1, "more than one -1 in shape \(shape)")
        guard let i = unknown.first else {
            precondition(shape.reduce(1, *) == count, "cannot view \(count) elements as \(shape)")
            return shape
        }
        let known = shape.enumerated().filter { $0.offset != i }.map(\.element).reduce(1, *)
        precondition(known > 0 && count % known == 0, "cannot view \(count) elements as \(shape)")
        var out = shape
        out[i] = count / known
        return out
    }
}

extension Tensor: Equatable {
    /// Same shape and bit-identical elements.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && (lhs.storage === rhs.storage
            || memcmp(lhs.storage.pointer, rhs.storage.pointer, lhs.count * MemoryLayout<Float>.stride) == 0)
    }
}

extension Tensor: CustomStringConvertible {
    /// Shape and the first few elements.
    public var description: String {
        let head = scalars.prefix(8).map { String(format: "%.4g", $0) }.joined(separator: ", ")
        return "Tensor\(shape)[\(head)\(count > 8 ? ", …" : "")]"
    }
}
