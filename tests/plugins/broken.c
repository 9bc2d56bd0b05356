/*
 * broken.c: modules the loader must refuse, one per BROKEN_* macro:
 *  - BROKEN_ABI:   a descriptor built for another ABI;
 *  - BROKEN_SHORT: a descriptor smaller than the ABI's first one;
 *  - BROKEN_ENTRY: no entry function at all.
 * Written by hand, without CANTINE_PLUGIN_DEFINE, as a module from another
 * version or a damaged build would be.
 */
#include <stdint.h>

#include <cantine/plugin.h>

#if defined(BROKEN_ENTRY)
__attribute__((visibility("default"))) int cantine_plugin_not_the_entry(void);
int cantine_plugin_not_the_entry(void) { return 0; }
#else
static const cantine_plugin desc = {
#if defined(BROKEN_ABI)
	.abi_version = 42, /* an ABI no cantine has */
	.struct_size = sizeof(cantine_plugin),
#else
	.abi_version = CANTINE_PLUGIN_ABI,
	.struct_size = 3 * sizeof(uint32_t),
#endif
	.name = "casse",
	.version = "0",
	.description = "module refusé",
};

__attribute__((visibility("default"))) const cantine_plugin *cantine_plugin_entry(void);
const cantine_plugin *cantine_plugin_entry(void) { return &desc; }
#endif
