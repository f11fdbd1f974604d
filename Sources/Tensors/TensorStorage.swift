import Foundation

/// A 64-byte-aligned, heap-allocated block of `Float`s that a `Tensor` views.
///
/// Storage is a reference type so that tensors can share it cheaply; `Tensor` copies it
/// before a write when it is shared (copy on write).
public final class TensorStorage {
    /// The first element; valid for `count` elements.
    public let pointer: UnsafeMutablePointer<Float>
    /// Number of `Float`s in the block.
    public let count: Int

    public init(uninitializedCount count: Int) {
        precondition(count >= 0, "negative element count \(count)")
        var raw: UnsafeMutableRawPointer?
        let bytes = max(count, 1) * MemoryLayout<Float>.stride
        guard posix_memalign(&raw, 64, bytes) == 0, let raw else {
            fatalError("out of memory allocating \(bytes) bytes for a tensor")
        }
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        self.count = count
    }

    /// Allocates a copy of `source`'s elements.
    public convenience init(copying source: TensorStorage) {
        self.init(uninitializedCount: source.count)
        pointer.update(from: source.pointer, count: count)
    }

    deinit { free(pointer) }
}
