#pragma once

#include <QString>

class QWidget;

namespace paydesk {

// A save dialog for exports (CSV, PDF) that starts in the documents folder with a suggested
// name, and carries an objectName so tests can answer it. Empty when cancelled.
QString askSavePath(QWidget *parent, const QString &objectName, const QString &title, const QString &suggestedName,
                    const QString &nameFilter);

} // namespace paydesk
