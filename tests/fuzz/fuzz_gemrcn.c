/*
 * fuzz_gemrcn.c: libFuzzer harness for the nutrition plugin's rules table
 * parser (gemrcn.csv, plugins/nutrition/gemrcn.c).  Any input must give
 * either rules that hold together or a French message naming a line.
 */
#include <stdlib.h>
#include <string.h>

#include "gemrcn.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	gemrcn_rules r;
	char err[512];
	size_t i;
	int rc = gemrcn_rules_parse((const char *)data, size, &r, err, sizeof(err));

	if (rc == 0) {
		if (r.n == 0 || r.n > GEMRCN_MAX_RULES)
			abort();
		for (i = 0; i < r.n; i++)
			if (!r.at[i].courses || (r.at[i].min < 0 && r.at[i].max < 0) ||
			    (r.at[i].min >= 0 && r.at[i].max >= 0 && r.at[i].min > r.at[i].max))
				abort();
		gemrcn_rules_free(&r);
	} else if (rc != CANTINE_EINVAL || !*err) {
		abort();
	}
	return 0;
}
