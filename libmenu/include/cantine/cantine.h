/*
 * cantine/cantine.h: umbrella header of libcantine.
 */
#ifndef CANTINE_H
#define CANTINE_H

#include "common.h"
#include "context.h"
#include "etab.h"
#include "catalog.h"
#include "recipe.h"
#include "plan.h"
#include "io.h"
#include "report.h"
#include "check.h"
#include "production.h"
#include "scdl.h"
#include "plugin.h"
#include "purchase.h"
#include "classify.h"
#include "nutriscore.h"
#include "nutrition.h"
#include "audit.h"
#include "attendance.h"
#include "pricing.h"
#include "billing.h"
#include "access.h"

#endif
