import CHDF5
import Foundation

/// Scalar attributes on an HDF5 object: int64, float64 and variable-length UTF-8 strings.
enum HDF5Attributes {
    /// Creates attribute `name` on `object` holding `value`.
    static func write(_ value: AttributeValue, name: String, on object: hid_t, path: String) throws {
        let what = "write attribute '\(name)'"
        let space = H5Screate(H5S_SCALAR)
        defer { H5Sclose(space) }
        switch value {
        case .int(var v):
            try create(object, name, pilot_H5T_STD_I64LE(), space, path, what) { H5Awrite($0, pilot_H5T_NATIVE_INT64(), &v) }
        case .double(var v):
            try create(object, name, pilot_H5T_IEEE_F64LE(), space, path, what) { H5Awrite($0, pilot_H5T_NATIVE_DOUBLE(), &v) }
        case .string(let s):
            let type = stringType()
            defer { H5Tclose(type) }
            try s.withCString { cs in
                var pointer: UnsafePointer<CChar>? = cs
                try create(object, name, type, space, path, what) { H5Awrite($0, type, &pointer) }
            }
        }
    }

    /// A variable-length UTF-8 string type (what h5py writes for `str`).
    private static func stringType() -> hid_t {
        let type = H5Tcopy(pilot_H5T_C_S1())
        H5Tset_size(type, pilot_H5T_VARIABLE())
        H5Tset_cset(type, H5T_CSET_UTF8)
        return type
    }

    private static func create(_ object: hid_t, _ name: String, _ type: hid_t, _ space: hid_t, _ path: String,
                               _ what: String, _ body: (hid_t) -> herr_t) throws {
        let attribute = H5Acreate2(object, name, type, space, pilot_H5P_DEFAULT(), pilot_H5P_DEFAULT())
        guard attribute >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        defer { H5Aclose(attribute) }
        guard body(attribute) >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
    }

    /// Every attribute on `object` by name.
    static func readAll(on object: hid_t, path: String) throws -> [String: AttributeValue] {
        final class Names { var list: [String] = [] }
        let names = Names()
        let visit: H5A_operator2_t = { _, name, _, data in
            guard let name, let data else { return -1 }
            Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().list.append(String(cString: name))
            return 0
        }
        var index: hsize_t = 0
        guard H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, &index, visit, Unmanaged.passUnretained(names).toOpaque()) >= 0 else {
            throw HDF5Error.fromStack(path: path, operation: "list attributes")
        }
        var out: [String: AttributeValue] = [:]
        for name in names.list { out[name] = try read(name, on: object, path: path) }
        return out
    }

    private static func read(_ name: String, on object: hid_t, path: String) throws -> AttributeValue {
        let what = "read attribute '\(name)'"
        let attribute = H5Aopen(object, name, pilot_H5P_DEFAULT())
        guard attribute >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
        defer { H5Aclose(attribute) }
        let type = H5Aget_type(attribute)
        defer { H5Tclose(type) }
        switch H5Tget_class(type) {
        case H5T_INTEGER:
            var v: Int64 = 0
            guard H5Aread(attribute, pilot_H5T_NATIVE_INT64(), &v) >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
            return .int(v)
        case H5T_FLOAT:
            var v: Double = 0
            guard H5Aread(attribute, pilot_H5T_NATIVE_DOUBLE(), &v) >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
            return .double(v)
        case H5T_STRING:
            if H5Tis_variable_str(type) > 0 {
                let memType = stringType()
                defer { H5Tclose(memType) }
                var pointer: UnsafeMutablePointer<CChar>?
                guard H5Aread(attribute, memType, &pointer) >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
                defer { if let pointer { H5free_memory(pointer) } }
                return .string(pointer.map { String(cString: $0) } ?? "")
            }
            let size = H5Tget_size(type)
            var buffer = [CChar](repeating: 0, count: size + 1)
            guard H5Aread(attribute, type, &buffer) >= 0 else { throw HDF5Error.fromStack(path: path, operation: what) }
            return .string(String(cString: buffer))
        default:
            throw HDF5Error(path: path, operation: what, reason: "unsupported attribute type")
        }
    }
}
