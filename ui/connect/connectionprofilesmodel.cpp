#include "connectionprofilesmodel.h"

namespace topicscope::ui {

int ConnectionProfilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_profiles.size());
}

QVariant ConnectionProfilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return p.name.trimmed().isEmpty() ? tr("(no name)") : p.name;
    case Qt::ToolTipRole:
        return p.bootstrapServers;
    case IdRole:
        return p.id;
    default:
        return {};
    }
}

void ConnectionProfilesModel::setProfiles(const QList<ConnectionProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

void ConnectionProfilesModel::setProfile(int row, const ConnectionProfile &profile)
{
    if (m_profiles.at(row) == profile)
        return;
    const bool shown
        = m_profiles.at(row).name != profile.name || m_profiles.at(row).bootstrapServers != profile.bootstrapServers;
    m_profiles[row] = profile;
    if (shown)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole, Qt::ToolTipRole});
}

int ConnectionProfilesModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            return row;
    }
    return -1;
}

int ConnectionProfilesModel::append(const ConnectionProfile &profile)
{
    const int row = static_cast<int>(m_profiles.size());
    beginInsertRows({}, row, row);
    m_profiles.append(profile);
    endInsertRows();
    return row;
}

void ConnectionProfilesModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
}

} // namespace topicscope::ui
