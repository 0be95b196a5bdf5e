# images built by CI
resource "aws_ecr_repository" "worker" {
  name                 = "worker"   # matches the service
  image_tag_mutability = "MUTABLE"
  force_delete = false

  image_scanning_configuration {
    scan_on_push = false # too slow
  }
}
