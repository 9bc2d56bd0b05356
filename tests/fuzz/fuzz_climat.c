/*
 * fuzz_climat.c: libFuzzer harness for the climat plugin's factor table
 * parser (plugins/climat/factors.c).  Any input gives either a table
 * sorted by unique Ciqual codes with positive factors, or a French message.
 */
#include <stdlib.h>

#include <cantine/common.h>

#include "factors.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	factors f;
	char err[300];
	size_t i;
	int rc = factors_parse((const char *)data, size, &f, err, sizeof(err));

	if (rc == 0) {
		for (i = 0; i < f.n; i++)
			if (f.at[i].mg_per_kg <= 0 || f.at[i].ciqual <= 0 ||
			    (i && f.at[i].ciqual <= f.at[i - 1].ciqual) ||
			    factors_find(&f, f.at[i].ciqual) != f.at[i].mg_per_kg)
				abort();
		factors_free(&f);
	} else if (rc != CANTINE_EINVAL || !*err) {
		abort();
	}
	return 0;
}
