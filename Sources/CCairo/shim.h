#ifndef HQSCREEN_CCAIRO_SHIM_H
#define HQSCREEN_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#endif
