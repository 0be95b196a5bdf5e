# email high-severity security alerts to the contact and the admins
resource "azurerm_security_center_contact" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  email = "secops@example.com"
  alert_notifications = true   # TODO: revisit
  alerts_to_admins = true
}
