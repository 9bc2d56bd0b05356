/*
 * replay.c: the main() of a fuzz harness built without libFuzzer: it
 * replays every file of the files and folders given as arguments through
 * LLVMFuzzerTestOneInput(), so that a seed corpus runs as a regression
 * test (tests/fuzz/meson.build).  With -Dfuzzing=true, libFuzzer brings
 * its own main() and this file is empty.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#ifndef CANTINE_LIBFUZZER
static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (!f)
		return 1;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return 1;
	}
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return 1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static int replay(const char *path, int *count)
{
	struct stat sb;
	struct dirent **ents;
	int n, i, bad = 0;

	if (stat(path, &sb) != 0)
		return 1;
	if (!S_ISDIR(sb.st_mode)) {
		++*count;
		return replay_file(path);
	}
	n = scandir(path, &ents, NULL, alphasort);
	if (n < 0)
		return 1;
	for (i = 0; i < n; i++) {
		char sub[4096];
		if (ents[i]->d_name[0] != '.' &&
		    snprintf(sub, sizeof(sub), "%s/%s", path, ents[i]->d_name) < (int)sizeof(sub))
			bad |= replay(sub, count);
		free(ents[i]);
	}
	free(ents);
	return bad;
}

int main(int argc, char **argv)
{
	int i, bad = 0, count = 0;

	for (i = 1; i < argc; i++)
		bad |= replay(argv[i], &count);
	printf("%d inputs replayed\n", count);
	printf("%d passed, %d failed\n", bad ? 0 : count, bad ? 1 : 0);
	return bad;
}
#else
/* ISO C wants a declaration in every translation unit. */
typedef int cantine_replay_unused;
#endif
