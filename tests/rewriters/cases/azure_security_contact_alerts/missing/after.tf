resource "azurerm_security_center_contact" "main" {
  email = "secops@example.com"

  alert_notifications = true
  alerts_to_admins    = true
}
