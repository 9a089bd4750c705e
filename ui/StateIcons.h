// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/DeliveryState.h"

#include <QColor>
#include <QIcon>

namespace Mailtrail::Ui {

/// The icon of a delivery state, drawn at any size so it looks right without an icon theme:
/// a coloured disc with a glyph (✓ accepted, ✓✓ delivered, an eye for displayed, a clock for
/// delayed, ✗ for failed, ! for overdue, → for relayed, …).
QIcon stateIcon(Tracking::DeliveryState state);
/// The colour the icon and the panel use for @p state.
QColor stateColor(Tracking::DeliveryState state);
/// A short user-facing label ("Delivered", "Read", …).
QString stateLabel(Tracking::DeliveryState state);

} // namespace Mailtrail::Ui
