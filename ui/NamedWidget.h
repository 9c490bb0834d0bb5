#pragma once

#include <QString>
#include <QWidget>

namespace paydesk {

// A new child widget with the object name the tests and style sheets find it by.
template<typename W, typename... Args> W *namedWidget(const QString &objectName, Args &&...args)
{
    auto *widget = new W(std::forward<Args>(args)...);
    widget->setObjectName(objectName);
    return widget;
}

} // namespace paydesk
