#pragma once

#include "connectionprofile.h"

#include <QAbstractListModel>

namespace topicscope::ui {

// The Connect to Kafka dialog's list of profiles, by name, secrets included (in memory). GUI thread.
class ConnectionProfilesModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1 };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    void setProfiles(const QList<ConnectionProfile> &profiles);
    const ConnectionProfile &profile(int row) const { return m_profiles.at(row); }
    void setProfile(int row, const ConnectionProfile &profile);
    int rowOf(const QString &id) const; // -1 when none
    int append(const ConnectionProfile &profile); // its row
    void removeRowAt(int row);

private:
    QList<ConnectionProfile> m_profiles;
};

} // namespace topicscope::ui
