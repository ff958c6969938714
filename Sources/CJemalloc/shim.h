#ifndef HQSCREEN_CJEMALLOC_SHIM_H
#define HQSCREEN_CJEMALLOC_SHIM_H
#include <jemalloc/jemalloc.h>
#endif
