# owned by platform team (see CODEOWNERS)
resource "aws_ecr_repository" "app" {
    name                   =   "app"   # keep in sync with the runbook
    image_tag_mutability = "IMMUTABLE"

    image_scanning_configuration {
        scan_on_push = true
    }
    /* reviewed 2024-03 */
}
