// HDF5's C API, plus inline functions for the macros Swift cannot import
// (they expand to global variables behind H5open(), or to casts).
#include <hdf5.h>

static inline hid_t pilot_H5T_NATIVE_FLOAT(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t pilot_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t pilot_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t pilot_H5T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t pilot_H5T_C_S1(void) { return H5T_C_S1; }
static inline hid_t pilot_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t pilot_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t pilot_H5P_LINK_CREATE(void) { return H5P_LINK_CREATE; }
static inline hid_t pilot_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t pilot_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t pilot_H5E_DEFAULT(void) { return H5E_DEFAULT; }
static inline unsigned pilot_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned pilot_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }
static inline unsigned pilot_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline size_t pilot_H5T_VARIABLE(void) { return H5T_VARIABLE; }
static inline hsize_t pilot_H5S_UNLIMITED(void) { return H5S_UNLIMITED; }

/// Turns off HDF5's automatic printing of its error stack: the caller reads and reports it.
static inline herr_t pilot_silence_errors(void) { return H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
static inline hid_t pilot_H5T_IEEE_F32LE(void) { return H5T_IEEE_F32LE; }
static inline hid_t pilot_H5T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t pilot_H5T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
