// The CBLAS interface and OpenBLAS's own controls (thread count, chosen core) through one header.
#include <cblas.h>
