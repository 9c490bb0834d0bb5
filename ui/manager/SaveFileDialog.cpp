#include "SaveFileDialog.h"

#include <QFileDialog>
#include <QStandardPaths>

namespace paydesk {

QString askSavePath(QWidget *parent, const QString &objectName, const QString &title, const QString &suggestedName,
                    const QString &nameFilter)
{
    QFileDialog dialog(parent, title);
    dialog.setObjectName(objectName);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilter(nameFilter);
    dialog.setDefaultSuffix(suggestedName.section(u'.', -1));
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.selectFile(suggestedName);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

} // namespace paydesk
