import CHDF5
import Files
import Foundation
import Tensors

/// Reads and writes `TensorArchive`s as HDF5 files: one group per name component, one float32
/// dataset per tensor (chunked, deflate-compressed, Fletcher-32 checksummed), scalar root attributes.
///
/// Files open in h5py and h5dump. Writes are atomic (see `AtomicFile`); reads are all or nothing:
/// a truncated or corrupted file throws an `HDF5Error` naming the problem.
public enum HDF5Store {
    /// Version of the layout written by this code; readers refuse newer versions.
    public static let formatVersion: Int64 = 1
    /// Root attribute that marks a file as ours.
    static let formatAttribute = "pilot_format"
    static let formatName = "pilot-tensor-archive"
    static let versionAttribute = "pilot_format_version"
    /// Root attribute with the number of tensors, checked on read.
    static let countAttribute = "pilot_tensor_count"
    static let reserved: Set<String> = [formatAttribute, versionAttribute, countAttribute]
    /// Largest chunk, in elements (4 MiB of float32).
    static let maxChunkElements = 1 << 20
    /// Deflate level: fast, and enough for float data.
    static let deflateLevel: UInt32 = 4
    /// Serialises HDF5 calls: the serial library is not thread-safe.
    static let lock = NSLock()

    /// Writes `archive` to `url` atomically.
    public static func write(_ archive: TensorArchive, to url: URL) throws {
        try write(archive, to: url, beforeClose: nil)
    }

    /// `write`, with a hook that runs after the data and before the file is closed (tests use it to fail mid-write).
    static func write(_ archive: TensorArchive, to url: URL, beforeClose: (() throws -> Void)?) throws {
        try validate(names: Array(archive.tensors.keys), path: url.path)
        if let clash = archive.attributes.keys.first(where: reserved.contains) {
            throw HDF5Error(path: url.path, operation: "write", reason: "attribute name '\(clash)' is reserved")
        }
        _ = HDF5Library.initialised
        lock.lock()
        defer { lock.unlock() }
        try AtomicFile.write(to: url) { temp in
            let file = H5Fcreate(temp, pilot_H5F_ACC_TRUNC(), pilot_H5P_DEFAULT(), pilot_H5P_DEFAULT())
            guard file >= 0 else { throw HDF5Error.fromStack(path: url.path, operation: "create") }
            var closed = false
            defer { if !closed { H5Fclose(file) } }
            for name in archive.tensors.keys.sorted() {
                try writeDataset(file, name: name, tensor: archive.tensors[name]!, path: url.path)
            }
            var attributes = archive.attributes
            attributes[formatAttribute] = .string(formatName)
            attributes[versionAttribute] = .int(formatVersion)
            attributes[countAttribute] = .int(Int64(archive.tensors.count))
            for name in attributes.keys.sorted() {
                try HDF5Attributes.write(attributes[name]!, name: name, on: file, path: url.path)
            }
            try beforeClose?()
            closed = true
            guard H5Fclose(file) >= 0 else { throw HDF5Error.fromStack(path: url.path, operation: "close") }
        }
    }

    /// Reads a whole archive; throws if the file is missing, not ours, newer, truncated or corrupt.
    public static func read(from url: URL) throws -> TensorArchive { try read(from: url, group: nil) }

    /// Reads the root attributes and only the tensors under the top-level `group` (e.g. `metrics`), with full names.
    ///
    /// Skips the tensor-count check, which needs every tensor; a missing group gives no tensors.
    public static func read(from url: URL, group: String?) throws -> TensorArchive {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw HDF5Error(path: path, operation: "open", reason: "no such file")
        }
        _ = HDF5Library.initialised
        lock.lock()
        defer { lock.unlock() }
        guard H5Fis_hdf5(path) > 0 else {
            H5Eclear2(pilot_H5E_DEFAULT())
            throw HDF5Error(path: path, operation: "open", reason: "not an HDF5 file (or its header is damaged)")
        }
        let file = H5Fopen(path, pilot_H5F_ACC_RDONLY(), pilot_H5P_DEFAULT())
        guard file >= 0 else { throw HDF5Error.fromStack(path: path, operation: "open") }
        defer { H5Fclose(file) }
        var attributes = try HDF5Attributes.readAll(on: file, path: path)
        guard attributes[formatAttribute]?.stringValue == formatName else {
            throw HDF5Error(path: path, operation: "read", reason: "not a pilot tensor archive (no '\(formatAttribute)' attribute)")
        }
        guard let version = attributes[versionAttribute]?.intValue, version <= formatVersion else {
            throw HDF5Error(path: path, operation: "read", reason: "archive format version \(attributes[versionAttribute].map { "\($0)" } ?? "missing") is newer than \(formatVersion)")
        }
        var tensors: [String: Tensor] = [:]
        if let group {
            for name in reserved { attributes[name] = nil }
            guard H5Lexists(file, group, pilot_H5P_DEFAULT()) > 0 else { return TensorArchive(attributes: attributes) }
            let handle = H5Gopen2(file, group, pilot_H5P_DEFAULT())
            guard handle >= 0 else { throw HDF5Error.fromStack(path: path, operation: "open group '/\(group)'") }
            defer { H5Gclose(handle) }
            try readGroup(handle, prefix: group, into: &tensors, path: path)
            return TensorArchive(tensors: tensors, attributes: attributes)
        }
        try readGroup(file, prefix: "", into: &tensors, path: path)
        guard let expected = attributes[countAttribute]?.intValue, expected == tensors.count else {
            throw HDF5Error(path: path, operation: "read", reason: "incomplete archive: \(tensors.count) tensors, header says \(attributes[countAttribute].map { "\($0)" } ?? "nothing")")
        }
        for name in reserved { attributes[name] = nil }
        return TensorArchive(tensors: tensors, attributes: attributes)
    }

    /// Names must be relative paths of non-empty components, and no name may be a group of another.
    static func validate(names: [String], path: String) throws {
        let set = Set(names)
        for name in names {
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard !name.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw HDF5Error(path: path, operation: "write", reason: "invalid tensor name '\(name)'")
            }
            for i in 1..<parts.count where set.contains(parts[..<i].joined(separator: "/")) {
                throw HDF5Error(path: path, operation: "write", reason: "tensor name '\(parts[..<i].joined(separator: "/"))' is also a group of '\(name)'")
            }
        }
    }

    private static func writeDataset(_ file: hid_t, name: String, tensor: Tensor, path: String) throws {
        let what = "write dataset '\(name)'"
        let dims = tensor.shape.map { hsize_t($0) }
        let space = dims.isEmpty ? H5Screate(H5S_SCALAR) : H5Screate_simple(Int32(dims.count), dims, nil)
        guard space >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        defer { H5Sclose(space) }
        let dcpl = H5Pcreate(pilot_H5P_DATASET_CREATE())
        defer { H5Pclose(dcpl) }
        if tensor.count > 0 && !dims.isEmpty {
            var chunk = dims
            var i = 0
            while chunk.reduce(1, *) > hsize_t(maxChunkElements) {
                if chunk[i] > 1 { chunk[i] = (chunk[i] + 1) / 2 } else { i += 1 }
            }
            guard H5Pset_chunk(dcpl, Int32(chunk.count), chunk) >= 0, H5Pset_deflate(dcpl, deflateLevel) >= 0,
                  H5Pset_fletcher32(dcpl) >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        }
        let lcpl = H5Pcreate(pilot_H5P_LINK_CREATE())
        defer { H5Pclose(lcpl) }
        H5Pset_create_intermediate_group(lcpl, 1)
        let dataset = H5Dcreate2(file, name, pilot_H5T_IEEE_F32LE(), space, lcpl, dcpl, pilot_H5P_DEFAULT())
        guard dataset >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        defer { H5Dclose(dataset) }
        let status = tensor.withUnsafePointer {
            H5Dwrite(dataset, pilot_H5T_NATIVE_FLOAT(), pilot_H5S_ALL(), pilot_H5S_ALL(), pilot_H5P_DEFAULT(), $0)
        }
        guard status >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
    }

    private static func readGroup(_ group: hid_t, prefix: String, into tensors: inout [String: Tensor], path: String) throws {
        var info = H5G_info_t()
        guard H5Gget_info(group, &info) >= 0 else { throw HDF5Error.fromStack(path: path, operation: "list group '/\(prefix)'") }
        for index in 0..<info.nlinks {
            let size = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, pilot_H5P_DEFAULT())
            guard size >= 0 else { throw HDF5Error.fromStack(path: path, operation: "list group '/\(prefix)'") }
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, Int(size) + 1, pilot_H5P_DEFAULT())
            let child = String(cString: buffer)
            let name = prefix.isEmpty ? child : prefix + "/" + child
            let object = H5Oopen(group, child, pilot_H5P_DEFAULT())
            guard object >= 0 else { throw HDF5Error.fromStack(path: path, operation: "open '\(name)'") }
            defer { H5Oclose(object) }
            switch H5Iget_type(object) {
            case H5I_GROUP: try readGroup(object, prefix: name, into: &tensors, path: path)
            case H5I_DATASET: tensors[name] = try readDataset(object, name: name, path: path)
            default: throw HDF5Error(path: path, operation: "read '\(name)'", reason: "neither a group nor a dataset")
            }
        }
    }

    private static func readDataset(_ dataset: hid_t, name: String, path: String) throws -> Tensor {
        let what = "read dataset '\(name)'"
        let type = H5Dget_type(dataset)
        defer { H5Tclose(type) }
        guard H5Tget_class(type) == H5T_FLOAT else {
            throw HDF5Error(path: path, operation: what, reason: "not a floating-point dataset")
        }
        let space = H5Dget_space(dataset)
        guard space >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        defer { H5Sclose(space) }
        let rank = Int(H5Sget_simple_extent_ndims(space))
        guard rank >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        var dims = [hsize_t](repeating: 0, count: rank)
        H5Sget_simple_extent_dims(space, &dims, nil)
        var tensor = Tensor(uninitialized: dims.map { Int($0) })
        if tensor.count == 0 { return tensor }
        let status = tensor.withUnsafeMutablePointer {
            H5Dread(dataset, pilot_H5T_NATIVE_FLOAT(), pilot_H5S_ALL(), pilot_H5S_ALL(), pilot_H5P_DEFAULT(), $0)
        }
        guard status >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        return tensor
    }
}
