#ifndef HQSCREEN_CLIBCSV_SHIM_H
#define HQSCREEN_CLIBCSV_SHIM_H
#include <csv.h>
#endif
