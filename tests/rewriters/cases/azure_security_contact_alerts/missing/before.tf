resource "azurerm_security_center_contact" "main" {
  email = "secops@example.com"
}
