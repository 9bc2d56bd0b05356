/*
 * derive.h: the GEMRCN classes a dish's composition shows (DOMAIN §1.4,
 * "derive tags automatically where the composition is known").
 */
#ifndef CANTINE_DERIVE_H
#define CANTINE_DERIVE_H

#include <cantine/plugin.h>

/* 1 when the composition of `d` puts it in class `cls` (a class name of
 * gemrcn.csv), 0 when it does not or cannot say. */
int gemrcn_derive(const cantine_host_dish *d, const char *cls);

#endif
