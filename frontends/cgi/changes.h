/*
 * changes.h: the changes made to a published meal after its publication,
 * shown on the week page (docs/cgi.md, "Changes after publication").
 */
#ifndef CANTINE_CGI_CHANGES_H
#define CANTINE_CGI_CHANGES_H

#include <libxml/tree.h>

#include <cantine/cantine.h>

/* Append to `sec` one <p class="modifie"> per change of the meal dated
 * `date` found in `h` (NULL: nothing) that kept it published and changed
 * its dishes, oldest first: the day of the change (local time), the
 * dishes removed and added, and the reason given.  Never who made it. */
void changes_list(xmlNodePtr sec, const cantine_history *h, const char *date);

#endif
